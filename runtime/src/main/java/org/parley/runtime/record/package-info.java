/** Writers of run output that listen to a run: the per-episode JSONL transcript. */
package org.parley.runtime.record;
