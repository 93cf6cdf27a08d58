/**
 * Immutable records for loaded Sigma documents: detection rules, correlation rules, meta
 * filters, rule metadata, log sources and the locations
 * that every message points back to.
 */
package io.sigscan.rules.model;
