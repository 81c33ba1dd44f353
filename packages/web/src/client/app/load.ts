import { readAs } from "@ninsho/contract";
import { useEffect, useState } from "preact/hooks";
import type * as z from "zod";
import type { ApiAnswer, ApiProblem } from "../api.js";
import { useSpeech } from "./i18n.js";
import { problemOf } from "./ui.js";

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly problem: ApiProblem | undefined;
  readonly reload: () => void;
}

/**
 * Read an API answer into `schema` (the contract's, the same that describes the OpenAPI document), again
 * whenever `keys` change or `reload` is called.
 * @example
 * const { data } = useLoad(ProductListSchema, () => session.call("GET", "/v1/admin/products"), []);
 */
export function useLoad<S extends z.ZodType>(
  schema: S,
  ask: () => Promise<ApiAnswer>,
  keys: readonly unknown[],
): Loaded<z.infer<S>> {
  const speech = useSpeech();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data?: z.infer<S>; problem?: ApiProblem }>({});
  useEffect(() => {
    let live = true;
    void ask().then((answer) => {
      if (!live) return;
      const data = answer.kind === "ok" ? readAs(schema, answer.body) : undefined;
      const problem =
        data === undefined
          ? (problemOf(answer, speech) ?? problemOf({ kind: "unexpected", status: 200 }, speech))
          : undefined;
      setState({ ...(data === undefined ? {} : { data }), ...(problem === undefined ? {} : { problem }) });
    });
    return () => {
      live = false;
    };
  }, [...keys, round]);
  return { data: state.data, problem: state.problem, reload: () => setRound((n) => n + 1) };
}
