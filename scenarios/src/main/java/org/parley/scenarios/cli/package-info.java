/** The {@code parley} command line: run, validate, list and show. */
package org.parley.scenarios.cli;
