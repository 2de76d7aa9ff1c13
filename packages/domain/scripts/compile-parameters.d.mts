import type { ParameterDefinition } from "../src/parameters/types.js";
export type ParameterFile = ParameterDefinition & { readonly group: string };
export declare const PACKAGE_DIR: string;
export declare const PARAMETERS_DIR: string;
export declare const GENERATED_PATH: string;
export declare const README_PATH: string;
export declare const GROUPS: readonly string[];
export declare const START: string;
export declare const END: string;
export declare class ParameterFileError extends Error {}
export declare function readParameterFiles(dir?: string): ParameterFile[];
export declare function generateModule(defs: readonly ParameterFile[]): string;
export declare function generateReadmeSection(defs: readonly ParameterFile[]): string;
export declare function spliceReadme(readme: string, section: string): string;
export declare function compile(dir?: string, readme?: string): { defs: ParameterFile[]; module: string; readme: string };
