import {
  type Activation,
  ActivationSchema,
  type Deactivation,
  DeactivationSchema,
  readAs,
  type Transfer,
  TransferSchema,
  type Validation,
  ValidationSchema,
} from "@ninsho/contract";

/**
 * Read the signed answers of the device API with the very schemas the server answers by (`@ninsho/contract`);
 * `undefined` for an answer of the wrong shape. Run on a body whose signature and nonce are already verified.
 *
 * @example
 * const answer = await postSigned(transport, "/v1/validate", { lease, fingerprint });
 * const validation = answer.ok ? readAnswer.validation(answer.body) : undefined;
 */
export const readAnswer: {
  readonly activation: (body: unknown) => Activation | undefined;
  readonly validation: (body: unknown) => Validation | undefined;
  readonly deactivation: (body: unknown) => Deactivation | undefined;
  readonly transfer: (body: unknown) => Transfer | undefined;
} = {
  activation: (body) => readAs(ActivationSchema, body),
  validation: (body) => readAs(ValidationSchema, body),
  deactivation: (body) => readAs(DeactivationSchema, body),
  transfer: (body) => readAs(TransferSchema, body),
};
