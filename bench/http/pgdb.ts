import { randomBytes } from "node:crypto";
import pg from "pg";

/** A fresh database `ninsho_bench_<random>` beside the admin connection's, and how to drop it. */
export interface FreshDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used (unreachable, refused), or undefined when it answers. */
export async function postgresProblem(adminUrl: string): Promise<string | undefined> {
  try {
    await onAdmin(adminUrl, (client) => client.query("select 1"));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A fresh database, empty or a copy of `template`. */
export async function freshDatabase(adminUrl: string, template?: string): Promise<FreshDatabase> {
  const name = `ninsho_bench_${randomBytes(5).toString("hex")}`;
  const from = template === undefined ? "" : ` template ${template}`;
  await onAdmin(adminUrl, (client) => client.query(`create database ${name}${from}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
