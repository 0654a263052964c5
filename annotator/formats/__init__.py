"""Readers and writers of interchange formats. No Qt, no database: plain values in and out."""
