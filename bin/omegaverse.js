#!/usr/bin/env node
// The installed command runs the compiled CLI (built by `npm ci` / `npm run build`).
import '../dist/cli/main.js';
