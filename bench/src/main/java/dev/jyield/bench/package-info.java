/** JMH benchmarks: every generator measurement beside its hand-written baseline, in the same run. */
package dev.jyield.bench;
