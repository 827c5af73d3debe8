/**
 * Prints the results JSON Schema from the source (npm run schema writes schema/results.schema.json);
 * with --fleet, the fleet results schema (schema/fleet-results.schema.json).
 */
import { fleetResultsJsonSchema } from '../src/results/fleet-schema.js';
import { resultsJsonSchema } from '../src/results/schema.js';

const schema = process.argv.includes('--fleet') ? fleetResultsJsonSchema() : resultsJsonSchema();
process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
