const GIB = 1024 ** 3;

/**
 * Sizes memory is sold and configured in, in GiB. The OS reports less than what is installed (firmware,
 * integrated graphics and the kernel take their share) and the shortfall varies a little between boots and
 * kernel versions, so a reading is rounded up to the next of these.
 */
const SIZES_GIB = [
  0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048,
  3072, 4096, 6144, 8192, 12288, 16384,
];

/**
 * Reported memory may fall up to this share below its bucket, and an exact reading (macOS `hw.memsize`,
 * Windows module capacities) sits on the bucket itself: readings are compared with 3 % slack so both a
 * 15.6 GiB and a 16.0 GiB reading give "16GiB", while 12.4 GiB still rounds up to 16.
 */
const SLACK = 0.97;

/**
 * The memory range a byte count falls in, as a label such as `16GiB`: stable across reading jitter, and
 * deliberately coarse (RAM size is a model-level fact that many machines share).
 *
 * @example
 * ramBucket(16_312_295_424); // "16GiB" (Linux MemTotal of a 16 GiB desktop)
 * ramBucket(17_179_869_184); // "16GiB" (macOS hw.memsize)
 */
export function ramBucket(bytes: number): string | undefined {
  if (!Number.isFinite(bytes) || bytes <= 0) return undefined;
  const gib = (bytes / GIB) * SLACK;
  const size = SIZES_GIB.find((candidate) => candidate >= gib);
  if (size === undefined) return `>${SIZES_GIB.at(-1)}GiB`;
  return size < 1 ? `${size * 1024}MiB` : `${size}GiB`;
}
