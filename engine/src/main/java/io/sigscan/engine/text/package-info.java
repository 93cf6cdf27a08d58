/**
 * Plain-text inputs: every non-blank line is an event whose only field is the keyword
 * pseudo-field, holding the line without its line break. Hot path: lines are found eight bytes
 * at a time and exposed in place.
 */
package io.sigscan.engine.text;
