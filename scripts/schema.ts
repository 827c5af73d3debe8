/** Prints the results JSON Schema from the source (npm run schema writes schema/results.schema.json). */
import { resultsJsonSchema } from '../src/results/schema.js';

process.stdout.write(`${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
