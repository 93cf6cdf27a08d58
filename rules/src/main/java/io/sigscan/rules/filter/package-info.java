/**
 * Between loading and compiling: meta filters ANDed onto the detection of the rules they name,
 * so that the compiler sees ordinary rules.
 */
package io.sigscan.rules.filter;
