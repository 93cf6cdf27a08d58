/**
 * The boolean IR every rule is lowered to, shared by the optimiser passes, the reference
 * interpreter and the MethodHandle compiler.
 */
package io.sigscan.rules.ir;
