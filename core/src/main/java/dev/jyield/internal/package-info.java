/**
 * Implementation details of jyield that generated classes must be able to reach. Not exported: the module
 * exports this package only to the modules whose generator bodies it rewrites, at run time.
 */
package dev.jyield.internal;
