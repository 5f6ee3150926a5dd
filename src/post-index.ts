// What ncc bundles into dist/post/index.js (action.yml runs.post).
import { run } from './post.js';

await run();
