import { getState } from '@actions/core';
import { State } from './constants.js';
import { runMain } from './main-impl.js';
import { runPost } from './post-impl.js';

// One entry for both steps (action.yml runs it as main and as post); exit explicitly: open handles
// (keep-alive sockets, watches) must not keep a finished step alive.
(getState(State.IsPost) === 'true' ? runPost() : runMain()).then((code) => process.exit(code));
