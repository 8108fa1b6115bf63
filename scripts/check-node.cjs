// Stops at once, with a clear message, on a Node.js older than Kervan needs.
// Plain ES5-style CommonJS so that even very old Node versions can run it.
"use strict";
var required = [22, 12, 0];
var current = process.versions.node.split(".").map(Number);
var ok = false;
for (var i = 0; i < 3; i++) {
  if (current[i] > required[i]) { ok = true; break; }
  if (current[i] < required[i]) { ok = false; break; }
  if (i === 2) ok = true;
}
if (!ok) {
  console.error(
    "\nKervan needs Node.js " + required.join(".") + " or newer (Node 24 LTS recommended); " +
      "this is Node.js " + process.versions.node + ".\n" +
      "Install a newer Node.js (https://nodejs.org, or `nvm install 24`) and run the command again.\n"
  );
  process.exit(1);
}
