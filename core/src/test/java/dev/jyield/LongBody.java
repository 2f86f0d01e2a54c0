package dev.jyield;

/**
 * A generator body of more than 500 lines, for the bytecode engine: many suspension points, locals of every kind
 * alive across them, and a large entry switch. Hand-unrolled on purpose (written once by a script, kept as source).
 */
final class LongBody {
    private LongBody() {}

    static Generator.Body<Object> body(int seed) {
        return y -> {
            int a = seed;
            long b = 1L + seed;
            double c = 0.5 * seed;
            String s = "s";
            StringBuilder trail = new StringBuilder();
            c = c / 3 + 0;
            y.yield(s + 0 + y.yield(c));
            b += a ^ 1;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            for (int i2 = 0; i2 < (a & 3); i2++) {
                trail.append(i2);
                y.yield(trail.length());
            }
            try {
                if (a % 7 == 3) {
                    throw new IllegalStateException("t3");
                }
                y.yield(3);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            a = a * 31 + 4;
            y.yield(a);
            a = a * 31 + 5;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero6");
                case 1, -1 -> s = s + 6;
                default -> y.yield(a + b);
            }
            a = a * 31 + 7;
            y.yield(a);
            c = c / 3 + 8;
            y.yield(s + 8 + y.yield(c));
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero9");
                case 1, -1 -> s = s + 9;
                default -> y.yield(a + b);
            }
            a = a * 31 + 10;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero11");
                case 1, -1 -> s = s + 11;
                default -> y.yield(a + b);
            }
            b += a ^ 12;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            a = a * 31 + 13;
            y.yield(a);
            a = a * 31 + 14;
            y.yield(a);
            for (int i15 = 0; i15 < (a & 3); i15++) {
                trail.append(i15);
                y.yield(trail.length());
            }
            for (int i16 = 0; i16 < (a & 3); i16++) {
                trail.append(i16);
                y.yield(trail.length());
            }
            a = a * 31 + 17;
            y.yield(a);
            b += a ^ 18;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            a = a * 31 + 19;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero20");
                case 1, -1 -> s = s + 20;
                default -> y.yield(a + b);
            }
            for (int i21 = 0; i21 < (a & 3); i21++) {
                trail.append(i21);
                y.yield(trail.length());
            }
            a = a * 31 + 22;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero23");
                case 1, -1 -> s = s + 23;
                default -> y.yield(a + b);
            }
            a = a * 31 + 24;
            y.yield(a);
            b += a ^ 25;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            try {
                if (a % 7 == 5) {
                    throw new IllegalStateException("t26");
                }
                y.yield(26);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            try {
                if (a % 7 == 6) {
                    throw new IllegalStateException("t27");
                }
                y.yield(27);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero28");
                case 1, -1 -> s = s + 28;
                default -> y.yield(a + b);
            }
            a = a * 31 + 29;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero30");
                case 1, -1 -> s = s + 30;
                default -> y.yield(a + b);
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero31");
                case 1, -1 -> s = s + 31;
                default -> y.yield(a + b);
            }
            for (int i32 = 0; i32 < (a & 3); i32++) {
                trail.append(i32);
                y.yield(trail.length());
            }
            a = a * 31 + 33;
            y.yield(a);
            b += a ^ 34;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            a = a * 31 + 35;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero36");
                case 1, -1 -> s = s + 36;
                default -> y.yield(a + b);
            }
            b += a ^ 37;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            c = c / 3 + 38;
            y.yield(s + 38 + y.yield(c));
            for (int i39 = 0; i39 < (a & 3); i39++) {
                trail.append(i39);
                y.yield(trail.length());
            }
            b += a ^ 40;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero41");
                case 1, -1 -> s = s + 41;
                default -> y.yield(a + b);
            }
            a = a * 31 + 42;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero43");
                case 1, -1 -> s = s + 43;
                default -> y.yield(a + b);
            }
            c = c / 3 + 44;
            y.yield(s + 44 + y.yield(c));
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero45");
                case 1, -1 -> s = s + 45;
                default -> y.yield(a + b);
            }
            try {
                if (a % 7 == 4) {
                    throw new IllegalStateException("t46");
                }
                y.yield(46);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            b += a ^ 47;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            a = a * 31 + 48;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero49");
                case 1, -1 -> s = s + 49;
                default -> y.yield(a + b);
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero50");
                case 1, -1 -> s = s + 50;
                default -> y.yield(a + b);
            }
            try {
                if (a % 7 == 2) {
                    throw new IllegalStateException("t51");
                }
                y.yield(51);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            b += a ^ 52;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            c = c / 3 + 53;
            y.yield(s + 53 + y.yield(c));
            a = a * 31 + 54;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero55");
                case 1, -1 -> s = s + 55;
                default -> y.yield(a + b);
            }
            try {
                if (a % 7 == 0) {
                    throw new IllegalStateException("t56");
                }
                y.yield(56);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            a = a * 31 + 57;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero58");
                case 1, -1 -> s = s + 58;
                default -> y.yield(a + b);
            }
            a = a * 31 + 59;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero60");
                case 1, -1 -> s = s + 60;
                default -> y.yield(a + b);
            }
            b += a ^ 61;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            for (int i62 = 0; i62 < (a & 3); i62++) {
                trail.append(i62);
                y.yield(trail.length());
            }
            try {
                if (a % 7 == 0) {
                    throw new IllegalStateException("t63");
                }
                y.yield(63);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero64");
                case 1, -1 -> s = s + 64;
                default -> y.yield(a + b);
            }
            for (int i65 = 0; i65 < (a & 3); i65++) {
                trail.append(i65);
                y.yield(trail.length());
            }
            c = c / 3 + 66;
            y.yield(s + 66 + y.yield(c));
            for (int i67 = 0; i67 < (a & 3); i67++) {
                trail.append(i67);
                y.yield(trail.length());
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero68");
                case 1, -1 -> s = s + 68;
                default -> y.yield(a + b);
            }
            for (int i69 = 0; i69 < (a & 3); i69++) {
                trail.append(i69);
                y.yield(trail.length());
            }
            c = c / 3 + 70;
            y.yield(s + 70 + y.yield(c));
            c = c / 3 + 71;
            y.yield(s + 71 + y.yield(c));
            b += a ^ 72;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            b += a ^ 73;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            try {
                if (a % 7 == 4) {
                    throw new IllegalStateException("t74");
                }
                y.yield(74);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            b += a ^ 75;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            a = a * 31 + 76;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero77");
                case 1, -1 -> s = s + 77;
                default -> y.yield(a + b);
            }
            c = c / 3 + 78;
            y.yield(s + 78 + y.yield(c));
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero79");
                case 1, -1 -> s = s + 79;
                default -> y.yield(a + b);
            }
            for (int i80 = 0; i80 < (a & 3); i80++) {
                trail.append(i80);
                y.yield(trail.length());
            }
            c = c / 3 + 81;
            y.yield(s + 81 + y.yield(c));
            try {
                if (a % 7 == 5) {
                    throw new IllegalStateException("t82");
                }
                y.yield(82);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            for (int i83 = 0; i83 < (a & 3); i83++) {
                trail.append(i83);
                y.yield(trail.length());
            }
            c = c / 3 + 84;
            y.yield(s + 84 + y.yield(c));
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero85");
                case 1, -1 -> s = s + 85;
                default -> y.yield(a + b);
            }
            a = a * 31 + 86;
            y.yield(a);
            a = a * 31 + 87;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero88");
                case 1, -1 -> s = s + 88;
                default -> y.yield(a + b);
            }
            for (int i89 = 0; i89 < (a & 3); i89++) {
                trail.append(i89);
                y.yield(trail.length());
            }
            b += a ^ 90;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            c = c / 3 + 91;
            y.yield(s + 91 + y.yield(c));
            b += a ^ 92;
            if ((b & 1) == 0) {
                y.yield(b);
            }
            for (int i93 = 0; i93 < (a & 3); i93++) {
                trail.append(i93);
                y.yield(trail.length());
            }
            for (int i94 = 0; i94 < (a & 3); i94++) {
                trail.append(i94);
                y.yield(trail.length());
            }
            a = a * 31 + 95;
            y.yield(a);
            try {
                if (a % 7 == 5) {
                    throw new IllegalStateException("t96");
                }
                y.yield(96);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            a = a * 31 + 97;
            y.yield(a);
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero98");
                case 1, -1 -> s = s + 98;
                default -> y.yield(a + b);
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero99");
                case 1, -1 -> s = s + 99;
                default -> y.yield(a + b);
            }
            c = c / 3 + 100;
            y.yield(s + 100 + y.yield(c));
            c = c / 3 + 101;
            y.yield(s + 101 + y.yield(c));
            try {
                if (a % 7 == 4) {
                    throw new IllegalStateException("t102");
                }
                y.yield(102);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            c = c / 3 + 103;
            y.yield(s + 103 + y.yield(c));
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero104");
                case 1, -1 -> s = s + 104;
                default -> y.yield(a + b);
            }
            for (int i105 = 0; i105 < (a & 3); i105++) {
                trail.append(i105);
                y.yield(trail.length());
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero106");
                case 1, -1 -> s = s + 106;
                default -> y.yield(a + b);
            }
            for (int i107 = 0; i107 < (a & 3); i107++) {
                trail.append(i107);
                y.yield(trail.length());
            }
            a = a * 31 + 108;
            y.yield(a);
            a = a * 31 + 109;
            y.yield(a);
            c = c / 3 + 110;
            y.yield(s + 110 + y.yield(c));
            for (int i111 = 0; i111 < (a & 3); i111++) {
                trail.append(i111);
                y.yield(trail.length());
            }
            try {
                if (a % 7 == 0) {
                    throw new IllegalStateException("t112");
                }
                y.yield(112);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            try {
                if (a % 7 == 1) {
                    throw new IllegalStateException("t113");
                }
                y.yield(113);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            a = a * 31 + 114;
            y.yield(a);
            a = a * 31 + 115;
            y.yield(a);
            try {
                if (a % 7 == 4) {
                    throw new IllegalStateException("t116");
                }
                y.yield(116);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            try {
                if (a % 7 == 5) {
                    throw new IllegalStateException("t117");
                }
                y.yield(117);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            c = c / 3 + 118;
            y.yield(s + 118 + y.yield(c));
            try {
                if (a % 7 == 0) {
                    throw new IllegalStateException("t119");
                }
                y.yield(119);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            switch ((int) (b % 4)) {
                case 0 -> y.yield("zero120");
                case 1, -1 -> s = s + 120;
                default -> y.yield(a + b);
            }
            try {
                if (a % 7 == 2) {
                    throw new IllegalStateException("t121");
                }
                y.yield(121);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            for (int i122 = 0; i122 < (a & 3); i122++) {
                trail.append(i122);
                y.yield(trail.length());
            }
            c = c / 3 + 123;
            y.yield(s + 123 + y.yield(c));
            try {
                if (a % 7 == 5) {
                    throw new IllegalStateException("t124");
                }
                y.yield(124);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            for (int i125 = 0; i125 < (a & 3); i125++) {
                trail.append(i125);
                y.yield(trail.length());
            }
            try {
                if (a % 7 == 0) {
                    throw new IllegalStateException("t126");
                }
                y.yield(126);
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
            c = c / 3 + 127;
            y.yield(s + 127 + y.yield(c));
            a = a * 31 + 128;
            y.yield(a);
            for (int i129 = 0; i129 < (a & 3); i129++) {
                trail.append(i129);
                y.yield(trail.length());
            }
            y.yield(trail.toString());
            y.yield(s);
        };
    }
}

