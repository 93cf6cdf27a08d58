/**
 * Sigma condition expressions: a tokenizer and a recursive-descent parser that resolve a
 * condition ({@code selection and not 1 of filter_*}) against the rule's search identifiers
 * into the boolean IR. Errors carry the offset of the offending token inside the condition.
 */
package io.sigscan.rules.condition;
