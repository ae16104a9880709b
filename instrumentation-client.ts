import { z } from "zod";

// Runs in the browser before the app. zod probes for `new Function` support on first use; the
// Content-Security-Policy (no 'unsafe-eval') blocks that probe and reports a violation, so skip it.
z.config({ jitless: true });
