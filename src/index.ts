// What ncc bundles into dist/main/index.js (action.yml runs.main).
import { run } from './main.js';

await run();
