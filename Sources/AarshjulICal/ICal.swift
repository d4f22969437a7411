import AarshjulCore
import CLibical
