package io.trackline.page.http;

/** The one escaper of the page: every value that is not a literal of the page passes through {@link #text}. */
final class Html {
    private Html() {
    }

    /** Safe in element content and in double- or single-quoted attribute values. */
    static String text(String value) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
