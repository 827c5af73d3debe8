/** The tool's version, stored in every results file. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';
