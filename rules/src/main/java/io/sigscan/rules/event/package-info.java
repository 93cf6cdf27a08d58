/**
 * The event-view contract between compiled rules and the engine's zero-copy readers.
 * Hot path: everything here is called once or more per event and must not allocate.
 */
package io.sigscan.rules.event;
