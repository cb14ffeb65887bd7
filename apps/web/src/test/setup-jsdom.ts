// jsdom lacks a few web APIs that Node has; react-router 7 needs TextEncoder at import time.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
