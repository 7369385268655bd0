import type { CodegenConfig } from '@graphql-codegen/cli';

// Operation types come from the committed SDL only (never hand-written).
const config: CodegenConfig = {
  schema: '../../packages/graphql-schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Decimal: 'string', Month: 'string', Date: 'string', DateTime: 'string', DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
