package dev.jyield;

/**
 * Python's {@code itertools}, the recipes of its documentation, and the favourites of {@code more-itertools}, as
 * static methods with Python's names in camelCase. Every function is lazy unless its documentation says it
 * buffers, and fails like Python on bad arguments, at the call.
 */
public final class Itertools {
    private Itertools() {}

    // =====================================================================================================
    // Section A: infinite iterators and iterators terminating on the shortest input, delegating to the
    // operators and sources of Generator (count, cycle, repeat, accumulate, batched, chain, compress,
    // dropWhile, filterFalse, groupBy, islice, pairwise, takeWhile).
    // =====================================================================================================



    // =====================================================================================================
    // Section C: combinatoric iterators, tee, zipLongest, starmap, chainFromIterable.
    // =====================================================================================================



    // =====================================================================================================
    // Section R: the recipes of the itertools documentation.
    // =====================================================================================================



    // =====================================================================================================
    // Section M: the favourites of more-itertools.
    // =====================================================================================================



}
