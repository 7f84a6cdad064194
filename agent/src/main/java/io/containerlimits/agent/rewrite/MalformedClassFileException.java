package io.containerlimits.agent.rewrite;

/**
 * The class file is not what the rewrite can read: an unknown constant tag or opcode, an index or a length that
 * points outside the file. The class is left as it came (the transformer catches this, counts it and loads the
 * original bytes), because a rewrite may never break the class it was offered.
 */
public final class MalformedClassFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedClassFileException(String message) {
        super(message);
    }
}
