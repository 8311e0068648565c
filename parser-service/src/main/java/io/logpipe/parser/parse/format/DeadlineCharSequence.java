package io.logpipe.parser.parse.format;

/**
 * A view of a string that throws {@link PatternTimeoutException} once a deadline has
 * passed. {@link java.util.regex.Matcher} reads its input only through
 * {@link #charAt(int)}, so matching against this view bounds the time a catastrophic
 * (backtracking) pattern can take: a bad regex costs one record its format, never a
 * partition its progress.
 *
 * <p>
 * The clock is read once every 1024 characters read to keep the overhead small.
 */
public final class DeadlineCharSequence implements CharSequence {

	private static final int CHECK_EVERY_MASK = 0x3FF;

	private final String text;

	private final long deadlineNanos;

	private int reads;

	private DeadlineCharSequence(String text, long deadlineNanos) {
		this.text = text;
		this.deadlineNanos = deadlineNanos;
	}

	/** A view of {@code text} that may be read for {@code budgetNanos} from now. */
	public static DeadlineCharSequence of(String text, long budgetNanos) {
		return new DeadlineCharSequence(text, System.nanoTime() + budgetNanos);
	}

	@Override
	public char charAt(int index) {
		if ((++this.reads & CHECK_EVERY_MASK) == 0 && System.nanoTime() - this.deadlineNanos > 0) {
			throw new PatternTimeoutException();
		}
		return this.text.charAt(index);
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		// Captured groups are copied out of the text, free of the deadline.
		return this.text.substring(start, end);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
