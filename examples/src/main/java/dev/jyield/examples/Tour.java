package dev.jyield.examples;

/** Placeholder until the tour lands. */
public final class Tour {
    private Tour() {}

    public static void main(String[] args) {
        System.out.println("tour");
    }
}
