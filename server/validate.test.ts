/** How deep a JSON text nests, read without parsing it: brackets in strings are text, escapes are followed. */
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './validate';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('[{}, {}, [], {"x": [1, 2]}]', 3)).toBe(false);
  });

  it('follows escaped quotes and backslashes to the real end of a string', () => {
    // "\"[[[[" : the escaped quote does not end the string, so its brackets stay text.
    expect(nestsDeeperThan(String.raw`{"a":"\"[[[["}`, 1)).toBe(false);
    // "x\\" ends at the quote after the escaped backslash: the brackets after it nest.
    expect(nestsDeeperThan(String.raw`{"a":"x\\","b":[[[1]]]}`, 3)).toBe(true);
    expect(nestsDeeperThan(String.raw`{"a":"x\\","b":[[1]]}`, 3)).toBe(false);
    // Three backslashes: an escaped backslash, then an escaped quote; the string goes on.
    expect(nestsDeeperThan(String.raw`["a\\\"[[[[[", 1]`, 1)).toBe(false);
  });

  it('an unterminated string ends the reading; depth before it still counts', () => {
    expect(nestsDeeperThan('[[["abc', 2)).toBe(true);
    expect(nestsDeeperThan('[["abc[[[[[', 2)).toBe(false);
  });
});
