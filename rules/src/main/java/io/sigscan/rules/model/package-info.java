/**
 * Immutable records for loaded Sigma documents: rule metadata, log sources and the locations
 * that every message points back to.
 */
package io.sigscan.rules.model;
