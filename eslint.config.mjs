import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const KAFKAJS = {
  group: ["kafkajs", "kafkajs/*"],
  message: "Only src/server/kafka talks to kafkajs; call its functions instead.",
};
const PRISMA = {
  group: ["@prisma/client", "@prisma/client/*", "@prisma/adapter-pg", "**/db/generated/**"],
  message: "Only src/server/db imports Prisma; call its repositories instead.",
};
const SERVER = {
  group: ["~/server/*", "~/server/**"],
  allowTypeImports: true,
  message: "Client code never imports server modules (types such as AppRouter are fine).",
};

const SCHEMAS = {
  group: ["~/domain/schemas/*", "~/domain/schemas/**"],
  message:
    "Schema libraries (ajv, avsc, protobufjs) generate code with new Function, which the browser's CSP forbids: decode and validate on the server.",
};

/** One rule value per folder: ESLint keeps only the last matching config's value for a rule. */
function restrictImports(patterns) {
  return { "no-restricted-imports": ["error", { patterns }] };
}

/** Import rules of ARCHITECTURE.md that a linter can check cheaply. */
const boundaries = [
  {
    files: ["**/*.{ts,tsx,mts}"],
    ignores: [
      "src/env.ts",
      "scripts/**",
      "prisma.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "e2e/**",
      "test/**",
      "bench/**",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/env.ts." },
      ],
    },
  },
  { files: ["**/*.{ts,tsx,mts}"], rules: restrictImports([KAFKAJS, PRISMA]) },
  // Tests and benchmarks drive the broker as an outside tool would (and benchmarks need plain kafkajs as a baseline).
  { files: ["e2e/**", "test/**", "bench/**", "**/*.int.test.ts"], rules: restrictImports([PRISMA]) },
  { files: ["src/server/kafka/**/*.ts"], rules: restrictImports([PRISMA]) },
  { files: ["src/server/db/**/*.ts"], rules: restrictImports([KAFKAJS]) },
  {
    files: ["src/features/**", "src/components/**", "src/app/**/*.tsx", "src/domain/**", "src/lib/**", "src/trpc/**"],
    // Server-side prefetch helpers and the pages that call them run on the server only.
    ignores: ["src/trpc/server.ts"],
    rules: restrictImports([KAFKAJS, PRISMA, SERVER]),
  },
  {
    // The browser's folders (src/app's route handlers are .ts and run on the server).
    files: ["src/features/**", "src/components/**", "src/app/**/*.tsx"],
    rules: restrictImports([KAFKAJS, PRISMA, SERVER, SCHEMAS]),
  },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "src/server/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='eval']",
          message: "Never evaluate code; user expressions go through JSONata with budgets.",
        },
        {
          selector: "NewExpression[callee.name='Function']",
          message: "Never evaluate code; user expressions go through JSONata with budgets.",
        },
      ],
    },
  },
  ...boundaries,
);
