"""Jupyter-level tests of the Phasebook Java kernel.

They talk to a running kernel through jupyter_client, exactly as a notebook server does:
``test_conformance`` runs Jupyter's own conformance suite (jupyter_kernel_test) with samples for
every test it offers, ``test_torture`` checks that the kernel survives and reports the cells that
break naive kernels. Both find the kernelspec through ``JUPYTER_PATH``; when it is unset they point
it at ``environment/kernel/target/jupyter``, which ``mvn -B -q package -DskipTests`` fills.
"""
