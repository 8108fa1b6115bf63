// Stops at once, with a clear message, on a Node.js older than Kervan needs.
// Plain ES5-style CommonJS so that even very old Node versions can run it.
"use strict";
var required = "22.22.0";
var parts = process.versions.node.split(".").map(Number);
var ok = parts[0] > 22 || (parts[0] === 22 && parts[1] >= 22);
if (!ok) {
  console.error(
    "\nKervan needs Node.js " +
      required +
      " or newer (Node 24 LTS recommended); this is Node.js " +
      process.versions.node +
      ".\nInstall a newer Node.js (https://nodejs.org, or `nvm install 24`) and run the command again.\n",
  );
  process.exit(1);
}
