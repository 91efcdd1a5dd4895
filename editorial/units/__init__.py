"""The unit tree: province committee, departments, districts, communes, member organizations."""
