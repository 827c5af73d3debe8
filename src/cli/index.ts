#!/usr/bin/env node
import { main } from './main.js';

// Exit explicitly: open handles (sockets, watches) must not keep a finished run alive.
main(process.argv.slice(2)).then((code) => process.exit(code));
