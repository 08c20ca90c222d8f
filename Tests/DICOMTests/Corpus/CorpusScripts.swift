/// The Python run once per test over every file written (argv[1]: a manifest
/// of `original<TAB>written` lines); prints one line per difference.
enum CorpusScripts {
    /// pydicom reads both files; every element must hold equal values. Values
    /// of OB/OW/OF/OL/OD/OV/UN (and elements whose VR differs on the two sides,
    /// e.g. an unknown private tag: UN one side, pydicom's private dictionary
    /// VR the other) compare as their raw bytes in little-endian order. Group
    /// lengths are recalculated for the new syntax, so they are not compared.
    static let compareValues = """
        import sys, warnings
        import pydicom
        warnings.simplefilter('ignore')
        UNIT = {'OW': 2, 'OF': 4, 'OL': 4, 'OD': 8, 'OV': 8, 'US': 2, 'SS': 2, 'UL': 4, 'SL': 4,
                'FL': 4, 'FD': 8, 'AT': 2, 'SV': 8, 'UV': 8}
        BYTES = {'OB', 'OW', 'OF', 'OL', 'OD', 'OV', 'UN'}
        EMPTY = (None, '', b'')  # an empty value: what pydicom gives depends on the VR it settles on

        def little(value, vr, is_little):
            value = bytes(value)
            n = UNIT.get(vr, 1)
            if is_little or n == 1 or vr == 'UN':
                return value
            cut = len(value) - len(value) % n
            return b''.join(value[i:i + n][::-1] for i in range(0, cut, n)) + value[cut:]

        def raw(ds, tag, is_little):
            item = ds.get_item(tag)
            if isinstance(item.value, (bytes, bytearray)):
                return little(item.value, item.VR, is_little)
            return None

        def compare(a, b, la, lb, path, out):
            if set(a.keys()) != set(b.keys()):
                out.append(f'{path}: tags differ: {sorted(set(a.keys()) ^ set(b.keys()))}')
            for tag in sorted(set(a.keys()) & set(b.keys())):
                if tag.element == 0:
                    continue  # group lengths differ between syntaxes by design (recalculated)
                ra, rb = raw(a, tag, la), raw(b, tag, lb)
                ea, eb = a[tag], b[tag]
                where = f'{path}{tag}'
                if ea.VR == 'SQ' and eb.VR == 'SQ':
                    if len(ea.value) != len(eb.value):
                        out.append(f'{where}: {len(ea.value)} items, then {len(eb.value)}')
                    for i, (x, y) in enumerate(zip(ea.value, eb.value)):
                        compare(x, y, la, lb, f'{where}[{i}]', out)
                elif ea.VR == eb.VR and ea.VR not in BYTES:
                    if ea.value != eb.value:
                        out.append(f'{where} {ea.VR}: {ea.value!r:.80} then {eb.value!r:.80}')
                elif ra is None or rb is None:
                    if ea.value != eb.value and not (ea.value in EMPTY and eb.value in EMPTY):
                        out.append(f'{where} {ea.VR}/{eb.VR}: {ea.value!r:.80} then {eb.value!r:.80}')
                elif ra != rb:
                    out.append(f'{where} {ea.VR}/{eb.VR}: bytes differ ({len(ra)} and {len(rb)})')

        for line in open(sys.argv[1]).read().splitlines():
            original, written = line.split('\\t')
            try:
                a, b = pydicom.dcmread(original), pydicom.dcmread(written)
                out = []
                compare(a, b, a.original_encoding[1], b.original_encoding[1], '', out)
                if str(b.file_meta.TransferSyntaxUID) not in written:
                    out.append(f'meta says {b.file_meta.TransferSyntaxUID}')
            except Exception as e:
                out = [f'{type(e).__name__}: {e}']
            for o in out[:5]:
                print(f'{written}: {o}')
        """

    /// dcmdump reads the original and the written file; prints the written
    /// ones that give more warnings or errors. dcmdump runs over many files at
    /// once (+F heads each file's part of the output; stdout line-buffered so
    /// each warning lands after its file's head).
    static let compareDcmdump = """
        import subprocess, sys
        from concurrent.futures import ThreadPoolExecutor

        def dump(paths):
            r = subprocess.run(['stdbuf', '-oL', '/usr/bin/dcmdump', '+F'] + paths,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            found, current = {p: [] for p in paths}, None
            for line in r.stdout.decode('latin-1').splitlines():
                if line.startswith('# dcmdump (') and '): ' in line:
                    current = line.split('): ', 1)[1]
                elif line[:3] in ('W: ', 'E: ', 'F: ') and current in found:
                    found[current].append(line)
            return found

        pairs = [l.split('\\t') for l in open(sys.argv[1]).read().splitlines()]
        paths = sorted({p for pair in pairs for p in pair})
        batches = [paths[i::2] for i in range(2)]
        results = {}
        with ThreadPoolExecutor(max_workers=2) as pool:
            for found in pool.map(dump, batches):
                results.update(found)
        for original, written in pairs:
            lo, lw = results[original], results[written]
            if len(lw) > len(lo):
                print(f'{written}: {len(lw)} warnings or errors (original {len(lo)}): {lw[:3]}')
        print(f'checked {len(pairs)}')
        """
}
