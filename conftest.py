"""Every test, doctest included, reads and writes added notices in a fresh temporary directory.

The default calendar reads the notices a user added (``credit-disclosure calendar add``) from
the user's data directory; the tests must not see a developer's own, nor write there.
"""

from __future__ import annotations

import os
import tempfile

os.environ["CREDIT_DISCLOSURE_DATA_DIR"] = tempfile.mkdtemp(prefix="credit-disclosure-test-")
