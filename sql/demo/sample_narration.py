#!/usr/bin/env python3
"""Regenerates the narration of the sample courses (样例讲解录音) from their step captions.

The captions are read from V6__sample_courses.sql; one mp3 per step is written next to the drawings the sample
courses use (server/src/main/resources/course-art/), named sample-<course>-<lesson>-<step>.mp3, where <course> is
"video" (用微信和子女视频通话) or "fraud" (识别和防范冒充客服、刷单、养老投资诈骗). V7__sample_course_narration.sql
points each sample step at its file (art:<file>).

The voice is espeak-ng's Mandarin (cmn), slowed down for elders; it is synthetic and meant as sample material: a
district that records its own narration uploads it in the console's course editor instead.

Needs espeak-ng and lame (Debian/Ubuntu: apt-get install -y espeak-ng lame). Usage, from the repository root:

    python3 sql/demo/sample_narration.py            # writes the files
    python3 sql/demo/sample_narration.py --list     # prints file name and spoken text, writes nothing
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, 'sql', 'demo', 'V6__sample_courses.sql')
TARGET = os.path.join(ROOT, 'server', 'src', 'main', 'resources', 'course-art')

# One step of a sample course in V6: SELECT @video AS course_id, 1 AS lesson, 1 AS position, 'art:x.svg' AS image,
# '<caption>' AS caption  /  UNION ALL SELECT @fraud, 1, 2, 'art:y.svg', '<caption>'
STEP = re.compile(r"SELECT @(\w+)(?: AS course_id)?, (\d+)(?: AS lesson)?, (\d+)(?: AS position)?, "
                  r"'art:[^']+'(?: AS image)?, '([^']+)'")

DIGITS = '零一二三四五六七八九'
WORDS_PER_MINUTE = 160  # a little under espeak-ng's 175; the lesson page's 慢一点 slows it further (0.75×)


def steps():
    with open(SOURCE, encoding='utf-8') as f:
        found = [(m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)) for m in STEP.finditer(f.read())]
    if not found:
        sys.exit('no sample course steps found in ' + SOURCE)
    return found


def spoken(caption):
    """What the voice says: the caption, with what a synthesiser reads badly written out."""
    # quoted terms side by side (“保本高息”“以房养老”) are a list: a pause between them, no pause at the quotes
    text = caption.replace('＋', '加').replace('”“', '、').replace('“', '').replace('”', '')
    # a phone number is read digit by digit (九六一一零), never as an amount
    return re.sub(r'\d{5,}', lambda m: ''.join(DIGITS[int(d)] for d in m.group(0)), text)


def file_name(course, lesson, position):
    return 'sample-%s-%d-%d.mp3' % (course, lesson, position)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--list', action='store_true', help='print what would be spoken, write nothing')
    args = parser.parse_args()
    if args.list:
        for course, lesson, position, caption in steps():
            print(file_name(course, lesson, position), spoken(caption), sep='\t')
        return
    for tool in ('espeak-ng', 'lame'):
        if shutil.which(tool) is None:
            sys.exit(tool + ' is missing: apt-get install -y espeak-ng lame')
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, 'step.wav')
        for course, lesson, position, caption in steps():
            out = os.path.join(TARGET, file_name(course, lesson, position))
            subprocess.run(['espeak-ng', '-v', 'cmn', '-s', str(WORDS_PER_MINUTE), '-w', wav, spoken(caption)],
                           check=True)
            # mono 22.05 kHz at 32 kbit/s: a few seconds of speech is a few tens of kilobytes, which the
            # mini-program's InnerAudioContext plays on every phone
            subprocess.run(['lame', '--quiet', '-m', 'm', '--resample', '22.05', '-b', '32',
                            '--tt', caption, '--ta', '样例讲解（合成语音）', '--tc', 'sample narration, espeak-ng cmn',
                            '--id3v2-only', wav, out], check=True)
            print(out)


if __name__ == '__main__':
    main()
