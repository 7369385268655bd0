import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * The options type-graphql derives from the schema's `validate: { forbidUnknownValues: false }`
 * (graphql/schema.ts): it always adds `skipMissingProperties: true`.
 */
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

const shouldValidate = (v: unknown): v is object => v !== null && typeof v === 'object';

/**
 * Exactly type-graphql's built-in argument validation (class-validator with the options above,
 * failures wrapped in the same ArgumentValidationError), but with class-validator imported once:
 * the built-in path runs `await import('class-validator')` on every object argument of every
 * resolver call, which costs about half a millisecond per call under the ESM loader hooks of the
 * dev runner (and a module-map lookup in production). Set for the whole schema in graphql/schema.ts.
 * While a `validateFn` is set, type-graphql ignores per-argument `validate:` settings (none are used
 * today): an argument that needs other options must pass its own `validateFn`.
 */
export const validateArgs: ValidatorFn = async (argValue: unknown) => {
  if (!shouldValidate(argValue)) return;
  try {
    if (Array.isArray(argValue)) await Promise.all(argValue.filter(shouldValidate).map((item) => validateOrReject(item, OPTIONS)));
    else await validateOrReject(argValue, OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(err as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
};
