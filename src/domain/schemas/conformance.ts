/**
 * PLACEHOLDER (h-defs-server): the types of h-schemas' conformance.ts contract, so that the router
 * skeleton typechecks before that branch lands. Resolve a merge conflict here by taking h-schemas' file.
 */
export type TConformanceExample = {
  partition: number;
  offset: string;
  path: string;
  rule: string;
  message: string;
  valuePreview: string;
};
export type TConformanceResult = { sampled: number; matched: number; examples: TConformanceExample[] };
