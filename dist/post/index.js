import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readPostWork)
/* harmony export */ });
/* unused harmony export planCleanup */
/* harmony import */ var _state_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(507);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(992);
// What the post step must do, read from main's state alone. Apart from cleanup.ts so that a post
// with nothing to do (main minted nothing, already deleted its token, or was told not to clean
// up, and no sweep) loads neither the API client nor node:crypto: see post.ts.


/** What post must do, from what main recorded in state. Pure. */
function planCleanup(state) {
    const { id, settled, keep, attempted, lookUpByName } = state;
    const byId = Boolean(id) && !settled && !keep;
    // A create call still in flight when main looked may have been carried out since: look again.
    const byName = attempted && (lookUpByName || (!id && !settled));
    const note = settled && !byName ? 'settled' : keep ? 'kept' : !attempted ? 'nothing-made' : undefined;
    return note ? { byId, byName, note } : { byId, byName };
}
const NOTHING_MINTED = 'Nothing to clean up: the main step minted no token.';
/** Post's work from main's state (`getState` reads STATE_* as the runner passes them). */
function readPostWork(getState) {
    const name = getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.name);
    const id = getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.id);
    const expiresAt = getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.expiresAt) || 'the end of its TTL';
    if (!name)
        return { name, id, expiresAt, keep: false, byId: false, byName: false, sweep: false, hasWork: false, message: NOTHING_MINTED };
    // STATE.cleanup is written only once the token was handed over (mint.ts handOver).
    const keep = Boolean(id) && getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.cleanup) === 'false';
    const plan = planCleanup({
        id,
        keep,
        settled: getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.settled) === 'true',
        attempted: getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.createAttempted) === 'true',
        lookUpByName: getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.lookUpByName) === 'true',
    });
    const sweep = getState(_state_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.sweep) !== '';
    const message = plan.note === 'settled'
        ? `Nothing to clean up: the main step left no token alive (${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .W)(name)} was deleted or never created).`
        : plan.note === 'kept'
            ? `cleanup is false: leaving service token ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .W)(name)} valid until it expires at ${expiresAt}.`
            : plan.note === 'nothing-made'
                ? NOTHING_MINTED
                : undefined;
    return { ...plan, name, id, expiresAt, keep, sweep, message, hasWork: plan.byId || plan.byName || sweep };
}


/***/ }),

/***/ 661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cleanup_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(691);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(783);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(992);
// Entry point of the post step (runs.post). See cleanup.ts.
//
// Many posts have nothing to do (main failed validation, already deleted its token, or cleanup
// is false). That is decided from state alone (cleanup-plan.ts); cleanup.ts, with the API client
// and node:crypto, is imported only when there is a call to make, so every other job skips
// loading it (ncc emits it as a chunk next to index.js).



// The runner does not cancel post steps; should a signal come anyway, finishing the deletion
// (bounded by cleanup's deadline) is what leaves nothing alive.
const onSignal = (signal) => (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`Received ${signal}: finishing the cleanup first.`);
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
async function post() {
    const work = (0,_cleanup_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .readPostWork */ .s)(_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu);
    if (work.message)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(work.message);
    if (!work.hasWork)
        return 0;
    const { cleanup } = await __nccwpck_require__.e(/* import() */ 364).then(__nccwpck_require__.bind(__nccwpck_require__, 364));
    return cleanup(work);
}
process.exitCode = await post().catch((e) => {
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`Unexpected failure: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(e)}`);
    return 1;
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: exportVariable, saveState, setOutput

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner.ts
// The GitHub runner's interface, as the runner (https://github.com/actions/runner) and @actions/core implement it: inputs from INPUT_*,
// state from STATE_*, workflow commands on stdout, and the file commands (GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY).
//
// Why not @actions/core: bundled, it costs ~55 ms of start-up on every step of every job that
// uses this action (it pulls in @actions/http-client, undici and @actions/exec for OIDC and
// platform helpers we never call). The part we use is this file.


// node:crypto is loaded on first use, as in token-name.ts: importing it here would load it (~5 ms)
// in every step, even one that never writes a file command.
const randomUUID = () => process.getBuiltinModule('node:crypto').randomUUID();
/** An input as the runner passes it: INPUT_<NAME>, spaces to `_`, upper-cased, hyphens kept; trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
// Workflow-command escaping, as the runner unescapes it. Escaping CR and LF is what keeps a value
// with a newline from starting a line of its own, which could then be read as a command.
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issueCommand(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** Registers a secret: the runner shows *** for it in every log line printed afterwards. */
function setSecret(value) {
    if (value)
        issueCommand('add-mask', value);
}
/**
 * A plain log line. The runner reads a line as a command when it starts with `::` (after white
 * space) or holds `##[` (the old syntax); text that could do either is printed between
 * ::stop-commands:: markers, so names and API messages we print can never issue a command.
 * Any `::` counts, wherever it is: the runner also ends a line at a lone CR, and trims white space
 * .NET's way (U+0085 included), so "starts a line" is not something to decide here.
 */
function info(message) {
    const risky = message.includes('::') || message.includes('##[');
    if (!risky) {
        process.stdout.write(message + external_node_os_namespaceObject.EOL);
        return;
    }
    const token = randomUUID();
    process.stdout.write(`::stop-commands::${token}${external_node_os_namespaceObject.EOL}${message}${external_node_os_namespaceObject.EOL}::${token}::${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issueCommand('debug', message);
}
function warning(message) {
    issueCommand('warning', message);
}
function error(message) {
    issueCommand('error', message);
}
function appendFileCommand(variable, name, value) {
    const path = process.env[variable];
    if (!path) {
        throw new Error(`${variable} is not set: this action must run on a GitHub Actions runner`);
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    // A value containing the delimiter would end the heredoc early and inject the rest.
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the value of ${name} contains the file-command delimiter`);
    }
    appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
function setOutput(name, value) {
    appendFileCommand('GITHUB_OUTPUT', name, value);
}
function saveState(name, value) {
    appendFileCommand('GITHUB_STATE', name, value);
}
/** Sets the variable for later steps (and for the rest of this process). */
function exportVariable(name, value) {
    process.env[name] = value;
    appendFileCommand('GITHUB_ENV', name, value);
}
function appendSummary(markdown) {
    const path = process.env['GITHUB_STEP_SUMMARY'];
    if (path)
        (0,external_node_fs_namespaceObject.appendFileSync)(path, markdown.endsWith(external_node_os_namespaceObject.EOL) ? markdown : markdown + external_node_os_namespaceObject.EOL, 'utf8');
}


/***/ }),

/***/ 507:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
// The GITHUB_STATE keys main writes for post. Apart from state.ts (which seals the minting
// credential with node:crypto) so that post can read its state without loading crypto.
const STATE = {
    /** The full name of the token main is creating (written before the create call). */
    name: 'token-name',
    /** The minted token's ID (written as soon as the create call answers). */
    id: 'token-id',
    expiresAt: 'expires-at',
    org: 'org',
    apiUrl: 'api-url',
    cleanup: 'cleanup',
    /** The minting credential, sealed; see sealCredential in state.ts. */
    sealedCredential: 'minting-credential',
    /** "true" once main knows no token of its is alive: it deleted it, or the create call surely failed. */
    settled: 'settled',
    /** "true" from just before the first create call: only then can a token of ours exist. */
    createAttempted: 'create-attempted',
    /**
     * "true" when a create call may have made a token main never learnt of (an answer lost, a
     * timeout, a cancellation in flight): such a call can still be carried out after main looked,
     * so post looks for tokens with our name again, whatever else happened.
     */
    lookUpByName: 'look-up-by-name',
    /** The names the sweep deletes when expired (sweep.ts encodeSweepNames); absent when sweep-expired is off. */
    sweep: 'sweep',
};


/***/ }),

/***/ 992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ show),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * A value from the workflow or the API, shown inside a message: quoted and JSON-escaped, so a
 * newline in it cannot start a line of its own, and cut short only when huge (`limit` is above
 * the 63 characters of a token name, so a name is always shown whole).
 */
function show(value, limit = 100) {
    const clipped = value.length > limit ? `${value.slice(0, limit - 3)}...` : value;
    return JSON.stringify(clipped);
}
/** What an error says, for a message: never empty (an Error without a message gives its name). */
function errorMessage(error) {
    return (error instanceof Error ? error.message || error.name : String(error)) || 'unknown error';
}


/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
