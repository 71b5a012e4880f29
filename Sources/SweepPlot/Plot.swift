/// Plotting: axes, ticks, legends, colour scales, SVG and PNG writers.
public enum Plot {}
