/**
 * The vocabulary of Lepton's processes — process keys, message names, BPMN error codes, the rule
 * sets' decision words — next to the BPMN that declares them. Every module that starts, correlates
 * or catches uses these, and {@code ProcessModelLintTest} checks the BPMN against them, so a
 * renamed message fails a test instead of a running process.
 */
package ai.lepton.process;
