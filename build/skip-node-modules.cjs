// electron-builder `beforeBuild` hook (see electron-builder.yml). Resolving to false means
// "node_modules are handled outside electron-builder": it skips installing, rebuilding and
// copying them. Fieldbook needs none at run time — electron-vite bundles every dependency into
// out/main and out/preload, and the renderer is static files.
module.exports = async function skipNodeModules() {
  return false;
};
