package ru.gospubliki.audit;

/** The regional rating's traffic light for a page score. */
public enum ScoreLight {
  GREEN,
  YELLOW,
  RED
}
