package dev.backcoach.telegram.fake;

/** HTML character references ({@code &lt;}, {@code &#NNN;}, …) as tdlib decodes them. */
final class CharacterReferences {

    private CharacterReferences() {}

    /**
     * Decodes an entity at {@code i} the way tdlib does ({@code ;} optional; only lt, gt, amp, quot
     * and numeric references below U+10FFFF). Returns {codePoint, 1 if it ended with ';' else 0,
     * indexAfter}, or null.
     */
    static int[] decode(String s, int i) {
        int n = s.length();
        int end = i + 1;
        int cp;
        if (end < n && s.charAt(end) == '#') {
            end++;
            boolean hex = end < n && s.charAt(end) == 'x';
            if (hex) {
                end++;
            }
            int digitsStart = end;
            long value = 0;
            while (end < n
                    && Character.digit(s.charAt(end), hex ? 16 : 10) >= 0
                    && s.charAt(end) < 128) {
                value = value * (hex ? 16 : 10) + Character.digit(s.charAt(end), hex ? 16 : 10);
                end++;
                if (value >= 0x10FFFF) {
                    return null;
                }
            }
            if (end == digitsStart || value == 0 || end - i >= 10) {
                return null;
            }
            cp = (int) value;
        } else {
            while (end < n
                    && ((s.charAt(end) >= 'a' && s.charAt(end) <= 'z')
                            || (s.charAt(end) >= 'A' && s.charAt(end) <= 'Z'))) {
                end++;
            }
            switch (s.substring(i + 1, end)) {
                case "lt" -> cp = '<';
                case "gt" -> cp = '>';
                case "amp" -> cp = '&';
                case "quot" -> cp = '"';
                default -> {
                    return null;
                }
            }
        }
        if (end < n && s.charAt(end) == ';') {
            return new int[] {cp, 1, end + 1};
        }
        return new int[] {cp, 0, end};
    }

    static String decodeLeniently(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '&') {
                int[] d = decode(s, i);
                if (d != null && (d[0] < 0xD800 || d[0] > 0xDFFF)) {
                    b.appendCodePoint(d[0]);
                    i = d[2];
                    continue;
                }
            }
            b.append(s.charAt(i++));
        }
        return b.toString();
    }
}
