package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A small mushroom body in the formats of the real data, written by the tests: a neuPrint export
 * ({@code mb/}: neurons.csv and edges.csv, hemibrain-style types and instances) and glomerulus tables
 * ({@code al/}: FIB_uPNs.csv, FIB_VP_PNs.csv, AL_gloms_RN_info.csv as in Schlegel et al. 2021), and a
 * model that navigates on them. PNs: two DM1 (bilateral glomerulus, 40 receptor neurons expected),
 * one VA1d (unilateral here, 20), one VP1d (hygrosensory: no odour input); 30 KCs, 10 of each class;
 * one APL; four MBONs.
 */
final class TinyMushroomBody {
  static final long[] PN_IDS = {101, 102, 103, 104};

  static final String MODEL = """
      circuit TinyMushroomBody

      connectome fixture neuprint "mb" version "test"
      connectome antenna glomerulus_map "al"

      population ORN : ORN {
        count 12
        tau_mem 10 ms
        learn bias
        initial rate 50 Hz
      }

      population PN : uPN {
        count 4
        tau_mem 10 ms
        learn bias
        initial rate 40 Hz
      }

      population KC : KC {
        count 30
        tau_mem 10 ms
        initial rate 5 Hz
      }

      population APL : APL {
        count 1
        tau_mem 10 ms
        graded
      }

      population MBON : MBON {
        count 4
        tau_mem 10 ms
        initial rate 30 Hz
      }

      population JON : JON {
        count 4
        tau_mem 10 ms
      }

      population DN : DN {
        count 4
        tau_mem 10 ms
        learn bias
        shared per_neuron
        initial rate 40 Hz
      }

      projection ORN -> PN glomerular by antenna weight normal(0.5, 0.1) learn
      projection PN -> KC from fixture where roi "CA(R)" pre ".*PN" post "KC.*" weight synapses * 0.05 learn
      projection KC -> APL from fixture where pre "KC.*" post "APL" weight synapses * 0.01
      projection APL -> KC dense weight constant(0.5)
      projection KC -> MBON from fixture where pre "KC.*" post "MBON.*" weight synapses * 0.02 learn
      projection MBON -> DN dense weight xavier learn
      projection JON -> DN dense weight xavier learn

      task navigation {
        arena 300 mm x 180 mm
        source at (270 mm, 90 mm)
        wind 150 mm/s from 0 deg
        plume puffs sigma 5 mm rate 5 Hz spread 30 mm2/s meander 15 mm/s
        odour sensed by ORN
        wind sensed by JON
        start within 10 mm of (220 mm, 90 mm)
        steps 300
        dt 1 ms
        motor delay 20 ms
        max speed 40 mm/s
        forward from DN[0..1]
        turn from DN[2..3]
      }

      loss {
        navigation 1.0 goal radius 15 mm
        sparsity 0.01 on KC target 5 %
      }

      training {
        lr 0.02
        episodes 3
        batch 4
        seed 7
        checkpoint every 1
      }
      """;

  private TinyMushroomBody() {}

  /** Writes {@code data/mb}, {@code data/al} and {@code model.circuit}; returns the model. */
  static Path write(Path dir) throws IOException {
    Path mb = Files.createDirectories(dir.resolve("data/mb"));
    Path al = Files.createDirectories(dir.resolve("data/al"));
    StringBuilder neurons = new StringBuilder("bodyId,type,instance\n");
    String[] pnTypes = {"DM1_lPN", "DM1_lPN", "VA1d_adPN", "VP1d_il2PN"};
    for (int i = 0; i < 4; i++) {
      neurons.append(PN_IDS[i]).append(',').append(pnTypes[i]).append(',').append(pnTypes[i]).append("_R\n");
    }
    String[] kcTypes = {"KCg-m", "KCab-c", "KCa'b'-m"};
    for (int k = 0; k < 30; k++) {
      neurons.append(201 + k).append(',').append(kcTypes[k / 10]).append(',').append(kcTypes[k / 10]).append("_R\n");
    }
    neurons.append("301,APL,APL_R\n");
    String[] mbonTypes = {"MBON01", "MBON01", "MBON05", "MBON11"};
    for (int m = 0; m < 4; m++) {
      neurons.append(401 + m).append(',').append(mbonTypes[m]).append(',').append(mbonTypes[m]).append("_R\n");
    }
    Files.writeString(mb.resolve("neurons.csv"), neurons);
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder edges = new StringBuilder("bodyId_pre,bodyId_post,roi,weight\n");
    for (int k = 0; k < 30; k++) {
      for (int p = 0; p < 4; p++) {
        if (random.nextDouble() < 0.75) {
          edges.append(PN_IDS[p]).append(',').append(201 + k).append(",CA(R),").append(1 + random.nextInt(30)).append('\n');
        }
      }
      edges.append(201 + k).append(",301,PED(R),").append(10 + random.nextInt(50)).append('\n');
      for (int m = 0; m < 4; m++) {
        if (random.nextDouble() < 0.7) {
          edges.append(201 + k).append(',').append(401 + m).append(k < 10 ? ",gL(R)," : ",aL(R),")
              .append(1 + random.nextInt(25)).append('\n');
        }
      }
    }
    Files.writeString(mb.resolve("edges.csv"), edges);
    Files.writeString(al.resolve("FIB_uPNs.csv"), """
        ,bodyid,name,type,PN_type,tract,glomerulus,lineage,hemisphere,is_canonical,best_fafb_match
        1,101,DM1_lPN,DM1_lPN,uPN,mALT,DM1,lPN,FIB,True,1
        2,102,DM1_lPN,DM1_lPN,uPN,mALT,DM1,lPN,FIB,True,1
        3,103,VA1d_adPN,VA1d_adPN,uPN,mALT,VA1d,adPN,FIB,True,2
        """);
    Files.writeString(al.resolve("FIB_VP_PNs.csv"), """
        ,bodyid,name,type,PN_type,PN_type_revised,tract,glomerulus,lineage,hemisphere,valence,putative_response
        1,104,VP1d_il2PN(dALT),VP1d_il2PN,uPN,uPN,dALT,VP1d+,il2PN,FIB,hygrosensory,evaporation
        """);
    Files.writeString(al.resolve("AL_gloms_RN_info.csv"), """
        ,glomerulus,RN,laterality,expected_cit,expected_RN_female_1h,expected_RN_female_SD,missing,RN_frag,notes
        1,DM1,Or42b,bilateral,Grabe2016,40,5,0,no,
        2,VA1d,Or88a,unilateral,Grabe2016,20,3,0,no,
        3,VP1d,"Ir40a (co Ir25a)",unilateral,Marin2020,8,1.4,0,no,
        """);
    Path model = dir.resolve("model.circuit");
    Files.writeString(model, MODEL);
    return model;
  }
}
