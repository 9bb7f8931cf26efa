globalThis.targetlensPeer = 1;
