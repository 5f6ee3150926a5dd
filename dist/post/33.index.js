export const id = 33;
export const ids = [33,368];
export const modules = {

/***/ 7368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gB: () => (/* binding */ openEnv),
/* harmony export */   openCredential: () => (/* binding */ openCredential)
/* harmony export */ });
/* unused harmony exports sealCredential, sealEnv */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// What main hands to post through GITHUB_STATE. Each key is written the moment its value is
// known, so post can clean up after a main that failed or was cancelled at any point.

// With export-env on, main replaces env PLANETSCALE_SERVICE_TOKEN(_ID) with the minted token for
// every later step, post included; inputs that read those variables (`${{ env.… }}`) are
// evaluated again for post and change too. When the minting token came from there
// (inputs/minting-credential.ts replacedByExportEnv), post must still delete with it, so main keeps it in state,
// sealed (AES-256-GCM) under a key derived from the minted secret: post finds that secret in
// PLANETSCALE_SERVICE_TOKEN, and the state file alone reveals nothing. The sealed value is masked
// before it is saved: the runner logs saved state with debug on, and anyone with that log and the
// minted secret (which later steps see) could open it.
function keyFrom(mintedSecret) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update('planetscale-token-action/sealed-credential\0').update(mintedSecret).digest();
}
function sealCredential(credential, mintedSecret) {
    return seal(JSON.stringify(credential), mintedSecret);
}
/** The sealed credential, or undefined when the key is wrong or the value was tampered with. */
function openCredential(sealed, mintedSecret) {
    try {
        const value = JSON.parse(open(sealed, mintedSecret) ?? 'null');
        if (typeof value?.token !== 'string')
            return undefined;
        if (value.kind === 'api-token')
            return { kind: 'api-token', token: value.token };
        if (value.kind === 'service-token' && typeof value.id === 'string')
            return { kind: 'service-token', id: value.id, token: value.token };
        return undefined;
    }
    catch {
        return undefined;
    }
}
/** Env values main replaced (steps/env-handover.ts), sealed the same way: they may be secrets. */
function sealEnv(values, mintedSecret) {
    return seal(JSON.stringify(values), mintedSecret);
}
function openEnv(sealed, mintedSecret) {
    try {
        const value = JSON.parse(open(sealed, mintedSecret) ?? 'null');
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return undefined;
        const entries = Object.entries(value);
        return entries.every(([, v]) => typeof v === 'string') ? Object.fromEntries(entries) : undefined;
    }
    catch {
        return undefined;
    }
}
function seal(plain, mintedSecret) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFrom(mintedSecret), iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}
function open(sealed, mintedSecret) {
    try {
        const bytes = Buffer.from(sealed, 'base64url');
        // A full tag only: Node accepts a truncated GCM tag (down to 4 bytes) unless told its length.
        const decipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)('aes-256-gcm', keyFrom(mintedSecret), bytes.subarray(0, 12), { authTagLength: 16 });
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 5033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  restoreEnv: () => (/* binding */ restoreEnv)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 5 modules
var core = __webpack_require__(5049);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/steps/env-handover.ts
// Two uses of the action in one job. With export-env, a use replaces PLANETSCALE_SERVICE_TOKEN(_ID)
// for every later step, so a later use reading its minting token from env would take the
// token just minted: it is recognised by a marker and refused before any call. Each use's post
// puts back the values the variables had before its main exported them, so that the post of an
// earlier use (posts run last-first) finds its own minted secret there and can open the minting
// credential it sealed.

/** Exported with the minted token: not secret (a truncated hash of its ID), only recognisable. */
const MINTED_MARKER = 'PLANETSCALE_TOKEN_ACTION_MINTED';
function mintedMarker(tokenId) {
    return (0,external_node_crypto_.createHash)('sha256').update('planetscale-token-action/minted\0').update(tokenId).digest('hex').slice(0, 32);
}
/**
 * Whether env holds what an earlier use of this action in this job exported: the marker is that
 * of the token ID env holds. Then its PLANETSCALE_ORG is that use's organization, which may have
 * come from its org input, so it is no setting of the user's for this use.
 */
function exportedByEarlierUse(env) {
    const id = (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim();
    return Boolean(id) && env[MINTED_MARKER] === mintedMarker(id);
}
/** Why `credential` may not mint, when it is the token an earlier use of this action minted and exported. */
function mintedByEarlierUse(credential, env) {
    const marker = env[MINTED_MARKER] ?? '';
    if (credential.kind !== 'service-token' || !marker || marker !== mintedMarker(credential.id))
        return undefined;
    const from = credential.source === 'env' ? 'env PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN' : 'minting-token-id / minting-token';
    return (`The minting token (${from}) is the token an earlier use of this action in this job minted and exported, ` +
        'not your minting token; it could not delete what it mints. Pass the minting token through inputs, from secrets: ' +
        '`minting-token-id: ${{ secrets.PLANETSCALE_MINT_TOKEN_ID }}` and `minting-token: ${{ secrets.PLANETSCALE_MINT_TOKEN }}` ' +
        '(or set export-env: false on the earlier use). Nothing was minted.');
}
/** The values `names` have now ("" for unset), to be put back by post. */
function valuesBefore(names, env) {
    return Object.fromEntries(names.map((name) => [name, env[name] ?? '']));
}
/**
 * Whether post should put the variables back: only while env still holds what this use
 * exported. Otherwise a step after it set them on purpose, and that is left alone.
 */
function stillOurs(env, mintedId) {
    return Boolean(mintedId) && (env['PLANETSCALE_SERVICE_TOKEN_ID'] ?? '').trim() === mintedId && exportedByEarlierUse(env);
}

// EXTERNAL MODULE: ./src/runner/log.ts + 1 modules
var log = __webpack_require__(3595);
// EXTERNAL MODULE: ./src/state/keys.ts
var keys = __webpack_require__(7469);
// EXTERNAL MODULE: ./src/state/seal.ts
var seal = __webpack_require__(7368);
;// CONCATENATED MODULE: ./src/steps/post/restore-env.ts
// Post's last act when main exported env: put PLANETSCALE_SERVICE_TOKEN(_ID), PLANETSCALE_ORG, the
// marker (and PLANETSCALE_API_URL) back to what they were before main, through GITHUB_ENV, so the
// post steps of earlier uses of the action, which run after this one, see the env they left.
// Loaded by post.ts only when there is something to put back (it needs node:crypto).





function restoreEnv(env = process.env) {
    const id = core/* getState */.Gu(keys/* STATE */.c.id);
    // A step after main set the variables itself: what it set stays.
    if (!stillOurs(env, id))
        return;
    const before = (0,seal/* openEnv */.gB)(core/* getState */.Gu(keys/* STATE */.c.envBefore), (env['PLANETSCALE_SERVICE_TOKEN'] ?? '').trim());
    if (!before)
        return;
    // The values before may be another token's ID and secret: masked before they are written (the
    // runner logs GITHUB_ENV values with step debug on).
    for (const name of ['PLANETSCALE_SERVICE_TOKEN_ID', 'PLANETSCALE_SERVICE_TOKEN'])
        log/* setSecret */.Pq((before[name] ?? '').trim());
    for (const [name, value] of Object.entries(before))
        core/* exportVariable */.dN(name, value);
    log/* info */.pq(`Put ${Object.keys(before).join(', ')} back as they were before this use of the action, for the steps after this one.`);
}


/***/ })

};
